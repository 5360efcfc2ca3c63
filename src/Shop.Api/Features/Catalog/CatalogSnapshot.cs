using System.Collections.Immutable;
using Shop.Api.Features.Catalog.Search;
using Shop.Grains.Catalog;

namespace Shop.Api.Features.Catalog;

/// <summary>
/// This API node's copy of the catalog, refreshed from the catalog grain at most once a second by
/// pulling only what changed: the entries, a <see cref="CatalogView"/> of them for lists, and a
/// Lucene index of their words (<see cref="CatalogTextIndex"/>). Lists and searches run here, so
/// they scale with API nodes and cost the cluster nothing per request.
/// </summary>
public sealed class CatalogSnapshot(IGrainFactory grains, TimeProvider clock, ILogger<CatalogSnapshot> logger) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    // How old a copy may be when asked about an id it does not hold: a product created on another
    // node shows at once, and a stranger trying random ids costs the catalog grain at most 10 calls a second.
    private static readonly TimeSpan MaxAgeOnMiss = TimeSpan.FromMilliseconds(100);
    private const int ChangesPerCall = 5000;

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly CatalogTextIndex _text = new();

    // Each product's document in the text index; never reused, so a view built before a change
    // cannot mistake a newer document for one of its rows.
    private readonly Dictionary<string, int> _ordinals = [];
    private int _nextOrdinal;
    private volatile State _state = State.Empty;

    public async ValueTask<ImmutableDictionary<string, CatalogEntry>> GetEntries(CancellationToken cancellationToken) =>
        (await Current(cancellationToken)).Entries;

    /// <summary>The categories, as fresh as the catalog (a second at most; at once after <see cref="Invalidate"/>).</summary>
    public async ValueTask<CategoryDirectory> GetCategories(CancellationToken cancellationToken) =>
        (await Current(cancellationToken)).View.Categories;

    /// <summary>
    /// Whether a product may exist: false only when a complete and fresh copy of the catalog does not
    /// hold it, so callers answer 404 without activating a grain or reading storage. While the
    /// catalog reloads after a restart, every id may exist.
    /// </summary>
    public async ValueTask<bool> MayExist(string id, CancellationToken cancellationToken)
    {
        var state = await Current(cancellationToken);
        if (state.Entries.ContainsKey(id))
        {
            return true;
        }

        state = await Current(cancellationToken, MaxAgeOnMiss);
        return state.Entries.ContainsKey(id) || !state.Complete;
    }

    /// <summary>A page of the catalog for the filter, with its facets; words are looked up in the text index.</summary>
    public async ValueTask<CatalogPage> Search(ProductFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var view = (await Current(cancellationToken)).View;
        return view.Query(filter, ProductSearch.Words(filter.Query), _text.Search, skip, take);
    }

    /// <summary>Makes the next read fetch, so a writer on this node sees its own change.</summary>
    public void Invalidate() => _state = _state with { FetchedAt = DateTimeOffset.MinValue };

    public void Dispose() => _text.Dispose();

    private async ValueTask<State> Current(CancellationToken cancellationToken, TimeSpan? maxAge = null)
    {
        var age = maxAge ?? MaxAge;
        var state = _state;
        if (clock.GetUtcNow() - state.FetchedAt < age)
        {
            return state;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _state.FetchedAt >= age)
            {
                _state = await Refresh(_state);
            }

            return _state;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<State> Refresh(State current)
    {
        CatalogChanges changes;
        CategoryList? categoryChange;
        try
        {
            changes = await Fetch(current.Epoch, current.Version);
            categoryChange = await grains.GetGrain<ICategoriesGrain>(0).ListIfChanged(current.View.Categories.Version);
        }
        catch (Exception e) when (current.Epoch != Guid.Empty)
        {
            // Serving a slightly stale catalog beats failing; try again after another interval.
            logger.LogWarning(e, "Could not refresh the catalog; serving the copy from {FetchedAt}", current.FetchedAt);
            return current with { FetchedAt = clock.GetUtcNow() };
        }

        if (changes.IsFull)
        {
            _text.Clear();
            _ordinals.Clear();
        }

        var categories = categoryChange is null ? current.View.Categories : new CategoryDirectory(categoryChange);
        var renamed = categoryChange is null ? [] : Renamed(current.View.Categories, categories);

        var entries = (changes.IsFull ? ImmutableDictionary<string, CatalogEntry>.Empty : current.Entries).ToBuilder();
        var cameOrWent = changes.IsFull;
        foreach (var entry in changes.Entries)
        {
            var known = entries.GetValueOrDefault(entry.Id);
            cameOrWent |= known is null || entry.Archived;
            if (entry.Archived)
            {
                entries.Remove(entry.Id);
                _text.Remove(entry.Id);
                _ordinals.Remove(entry.Id);
                continue;
            }

            entries[entry.Id] = entry;
            if (known is null || !SameWords(known, entry))
            {
                // Stock and sales change with every order; the words only when an admin edits them.
                var ordinal = _ordinals.TryGetValue(entry.Id, out var existing) ? existing : _ordinals[entry.Id] = _nextOrdinal++;
                _text.Put(entry, CategoryText(categories, entry.Category), ordinal);
            }
        }

        // A renamed category is found by its new names: its products' documents are written again.
        foreach (var entry in renamed.Count == 0 ? [] : entries.Values.Where(e => renamed.Contains(e.Category)))
        {
            _text.Put(entry, CategoryText(categories, entry.Category), _ordinals[entry.Id]);
        }

        var view = current.View;
        if (changes.Entries.Count > 0 || changes.IsFull || categoryChange is not null)
        {
            _text.Publish();
            // Orders change stock all the time: that alone keeps the sort orders and only recounts.
            view = (cameOrWent || categoryChange is not null ? null : view.WithStockOf(changes.Entries))
                ?? CatalogView.Create(entries.Values.ToList(), _ordinals, categories);
        }

        return new State(changes.Epoch, changes.Version, entries.ToImmutable(), view, changes.Complete, clock.GetUtcNow());
    }

    /// <summary>Every change since the version, fetched in bounded pages (a first load of 100k products is 20 calls).</summary>
    private async Task<CatalogChanges> Fetch(Guid epoch, long version)
    {
        var catalog = grains.GetGrain<ICatalogGrain>(0);
        var changes = await catalog.GetChanges(epoch, version, ChangesPerCall);
        var full = changes.IsFull;
        var entries = changes.Entries.ToList();
        while (changes.HasMore)
        {
            changes = await catalog.GetChanges(changes.Epoch, changes.Version, ChangesPerCall);
            if (changes.IsFull)
            {
                // The index was rebuilt in between: what came before belongs to the old one.
                full = true;
                entries.Clear();
            }

            entries.AddRange(changes.Entries);
        }

        return changes with { IsFull = full, Entries = entries };
    }

    private static bool SameWords(CatalogEntry a, CatalogEntry b) =>
        a.Name == b.Name && a.Brand == b.Brand && a.Category == b.Category && a.Description == b.Description;

    /// <summary>A category is found by its id and by its name in either language (a subcategory by its parent's too).</summary>
    private static string CategoryText(CategoryDirectory categories, string id) =>
        categories.Find(id) is { } category
            ? $"{category.Id} {category.Name} {category.NameEn} {CategoryText(categories, category.ParentId ?? "")}".Trim()
            : id;

    /// <summary>The ids whose words changed: renamed, or moved under another parent (or a renamed one).</summary>
    private static HashSet<string> Renamed(CategoryDirectory before, CategoryDirectory after) =>
        after.All.Where(c => CategoryText(before, c.Id) != CategoryText(after, c.Id)).Select(c => c.Id).ToHashSet();

    private sealed record State(Guid Epoch, long Version, ImmutableDictionary<string, CatalogEntry> Entries, CatalogView View, bool Complete, DateTimeOffset FetchedAt)
    {
        public static readonly State Empty = new(Guid.Empty, 0, ImmutableDictionary<string, CatalogEntry>.Empty, CatalogView.Empty, false, DateTimeOffset.MinValue);
    }
}
