using Shop.Grains.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// The catalog's categories, managed by admins (one grain, key 0). Until an admin first changes them
/// they are <see cref="CategoryRules.Defaults"/>, the ids products stored before were filed under.
/// Archiving is for a category without products: the API moves its products first.
/// </summary>
public interface ICategoriesGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    Task<CategoryList> List();

    /// <summary>The list when its version is not <paramref name="knownVersion"/>; null when it is (nothing to send).</summary>
    [ReadOnly]
    Task<CategoryList?> ListIfChanged(long knownVersion);

    Task<Outcome<CategoryList>> Create(string id, CategoryDraft draft);

    /// <summary>Renames a category, or moves it under another top-level one (or back to the top level).</summary>
    Task<Outcome<CategoryList>> Update(string id, CategoryDraft draft);

    /// <summary>Puts the active categories in this order: <paramref name="ids"/> names each of them once.</summary>
    Task<Outcome<CategoryList>> Reorder(IReadOnlyList<string> ids);

    /// <summary>Archives (hides) or restores a category; one with active subcategories is not archived.</summary>
    Task<Outcome<CategoryList>> SetArchived(string id, bool archived);
}
