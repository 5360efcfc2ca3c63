using Shop.Grains.Common;

namespace Shop.Grains.Catalog;

internal sealed class CategoriesGrain(
    [PersistentState("categories", StorageNames.Shop)] IPersistentState<CategoriesState> store) : Grain, ICategoriesGrain
{
    private IReadOnlyList<CategoryInfo> Items => store.State.Items ?? CategoryRules.Defaults;

    private CategoryList Current => new(store.State.Version, Items);

    public Task<CategoryList> List() => Task.FromResult(Current);

    public Task<CategoryList?> ListIfChanged(long knownVersion) =>
        Task.FromResult(knownVersion == store.State.Version ? null : Current);

    public async Task<Outcome<CategoryList>> Create(string id, CategoryDraft draft)
    {
        if (!CategoryRules.IsValidId(id))
        {
            return ShopError.Invalid("id", ErrorCodes.Invalid, "An id is 2-40 lower-case letters, digits or dashes, starting with a letter.");
        }

        if (Items.Any(c => c.Id == id))
        {
            return ShopError.Conflict(ErrorCodes.CategoryExists, "A category with this id exists already (perhaps archived).");
        }

        if (Items.Count >= CategoryRules.MaxCategories)
        {
            return ShopError.Conflict(ErrorCodes.CategoryTooMany, $"The shop has {CategoryRules.MaxCategories} categories, the most it keeps.",
                new Dictionary<string, object> { ["max"] = CategoryRules.MaxCategories });
        }

        if (Check(id, draft) is { } invalid)
        {
            return invalid;
        }

        var color = CategoryRules.Palette[Items.Count % CategoryRules.Palette.Count];
        var created = new CategoryInfo(id, draft.Name.Trim(), draft.NameEn.Trim(), draft.ParentId, color);
        // New categories come after the active ones, before the archived.
        var active = Items.Where(c => !c.Archived).Append(created);
        return await Save([.. active, .. Items.Where(c => c.Archived)]);
    }

    public async Task<Outcome<CategoryList>> Update(string id, CategoryDraft draft)
    {
        if (Items.FirstOrDefault(c => c.Id == id) is not { } category)
        {
            return NotFound();
        }

        if (Check(id, draft) is { } invalid)
        {
            return invalid;
        }

        if (draft.ParentId is not null && Items.Any(c => c.ParentId == id && !c.Archived))
        {
            return ShopError.Invalid("parentId", ErrorCodes.CategoryParentInvalid, "A category with subcategories stays at the top level.");
        }

        var updated = category with { Name = draft.Name.Trim(), NameEn = draft.NameEn.Trim(), ParentId = draft.ParentId };
        return await Save(Items.Select(c => c.Id == id ? updated : c).ToList());
    }

    public async Task<Outcome<CategoryList>> Reorder(IReadOnlyList<string> ids)
    {
        var active = Items.Where(c => !c.Archived).ToList();
        if (ids.Count != active.Count || !ids.Order(StringComparer.Ordinal).SequenceEqual(active.Select(c => c.Id).Order(StringComparer.Ordinal)))
        {
            return ShopError.Invalid("ids", ErrorCodes.Invalid, "Name every active category once.");
        }

        var byId = active.ToDictionary(c => c.Id);
        return await Save([.. ids.Select(id => byId[id]), .. Items.Where(c => c.Archived)]);
    }

    public async Task<Outcome<CategoryList>> SetArchived(string id, bool archived)
    {
        if (Items.FirstOrDefault(c => c.Id == id) is not { } category)
        {
            return NotFound();
        }

        if (archived && Items.Any(c => c.ParentId == id && !c.Archived))
        {
            return ShopError.Conflict(ErrorCodes.CategoryHasChildren, "Archive or move its subcategories first.");
        }

        if (!archived && category.ParentId is { } parent && Items.Any(c => c.Id == parent && c.Archived))
        {
            return ShopError.Conflict(ErrorCodes.CategoryParentInvalid, "Restore its parent category first.");
        }

        if (category.Archived == archived)
        {
            return Current;
        }

        var changed = category with { Archived = archived };
        var others = Items.Where(c => c.Id != id).ToList();
        // Archived ones go last; a restored one returns at the end of the active ones.
        return await Save([.. others.Where(c => !c.Archived), .. archived ? Array.Empty<CategoryInfo>() : [changed], .. others.Where(c => c.Archived), .. archived ? [changed] : Array.Empty<CategoryInfo>()]);
    }

    private async Task<CategoryList> Save(IReadOnlyList<CategoryInfo> items)
    {
        await store.SaveAsync(new CategoriesState { Items = items, Version = store.State.Version + 1 });
        return Current;
    }

    private ShopError? Check(string id, CategoryDraft draft)
    {
        foreach (var (field, name) in new[] { ("name", draft.Name), ("nameEn", draft.NameEn) })
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > CategoryRules.MaxNameLength)
            {
                return ShopError.Invalid(field, ErrorCodes.Invalid, $"A name is 1 to {CategoryRules.MaxNameLength} characters long.");
            }
        }

        var parent = draft.ParentId is null ? null : Items.FirstOrDefault(c => c.Id == draft.ParentId);
        return draft.ParentId is null || (parent is { Archived: false, ParentId: null } && parent.Id != id)
            ? null
            : ShopError.Invalid("parentId", ErrorCodes.CategoryParentInvalid, "A parent is an active top-level category other than this one.");
    }

    private static ShopError NotFound() => ShopError.NotFound(ErrorCodes.CategoryNotFound, "No category with this id.");
}
