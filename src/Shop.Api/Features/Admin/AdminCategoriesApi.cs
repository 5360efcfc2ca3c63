using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Features.Auth;
using Shop.Api.Features.Catalog;
using Shop.Api.Infrastructure;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Api.Features.Admin;

/// <param name="Id">Optional: 2-40 lower-case letters, digits and dashes (it appears in ?category=); made from the English name when absent.</param>
/// <param name="ParentId">The top-level category this one belongs under; null for a top-level category.</param>
public sealed record CategoryRequest(
    [property: Required, MaxLength(CategoryRules.MaxNameLength), PlainText] string Name,
    [property: Required, MaxLength(CategoryRules.MaxNameLength), PlainText] string NameEn,
    [property: MaxLength(40)] string? ParentId = null,
    [property: MaxLength(40), RegularExpression("^[a-z][a-z0-9-]{1,39}$", ErrorMessage = "id is 2-40 lower-case letters, digits or dashes, starting with a letter.")] string? Id = null)
{
    public CategoryDraft ToDraft() => new(Name, NameEn, string.IsNullOrWhiteSpace(ParentId) ? null : ParentId);
}

/// <param name="Ids">Every active category's id, once, in the order shoppers are to see them.</param>
public sealed record CategoryOrderRequest([property: Required, MaxLength(CategoryRules.MaxCategories)] List<string> Ids);

/// <param name="MoveTo">Where the category's products go; required when it has any.</param>
public sealed record ArchiveCategoryRequest([property: MaxLength(40)] string? MoveTo = null);

/// <summary>A category as admins see it: archived ones too, and how many products are filed under it (not its subcategories).</summary>
public sealed record AdminCategoryResponse(string Id, string Name, string NameEn, string? ParentId, string Color, bool Archived, int ProductCount)
{
    public static AdminCategoryResponse From(CategoryInfo c, IReadOnlyDictionary<string, int> counts) =>
        new(c.Id, c.Name, c.NameEn, c.ParentId, c.Color, c.Archived, counts.GetValueOrDefault(c.Id));
}

/// <summary>
/// Admins create, rename, nest (one level), reorder, archive and restore categories. Archiving one
/// with products moves them to a category the admin names first, product by product, so no product
/// is left under a category shoppers cannot reach.
/// </summary>
public static class AdminCategoriesApi
{
    private const int MovesAtOnce = 16;

    public static RouteGroupBuilder MapAdminCategoriesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/categories").WithTags("Admin").RequireAuthorization(AuthenticationSetup.AdminPolicy);
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapPut("/", Reorder);
        group.MapPut("/{id}", Update);
        group.MapPost("/{id}/archive", Archive);
        group.MapPost("/{id}/restore", Restore);
        return group;
    }

    public static async Task<Ok<List<AdminCategoryResponse>>> List(CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var categories = await catalog.GetCategories(cancellationToken);
        return TypedResults.Ok(await Answer(categories.All, catalog, cancellationToken));
    }

    public static async Task<Results<Created<AdminCategoryResponse>, ProblemHttpResult>> Create(
        CategoryRequest request, IGrainFactory grains, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var id = request.Id ?? IdFrom(request.NameEn);
        var created = await grains.GetGrain<ICategoriesGrain>(0).Create(id, request.ToDraft());
        if (!created.IsSuccess)
        {
            return Problems.From(created.Error!);
        }

        await Refresh(catalog, cancellationToken);
        var category = created.Value!.Items.Single(c => c.Id == id);
        return TypedResults.Created($"/api/admin/categories/{id}", AdminCategoryResponse.From(category, new Dictionary<string, int>()));
    }

    public static async Task<Results<Ok<AdminCategoryResponse>, ProblemHttpResult>> Update(
        string id, CategoryRequest request, IGrainFactory grains, CatalogSnapshot catalog, CancellationToken cancellationToken) =>
        await One(id, await grains.GetGrain<ICategoriesGrain>(0).Update(id, request.ToDraft()), catalog, cancellationToken);

    public static async Task<Results<Ok<List<AdminCategoryResponse>>, ProblemHttpResult>> Reorder(
        CategoryOrderRequest request, IGrainFactory grains, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var ordered = await grains.GetGrain<ICategoriesGrain>(0).Reorder(request.Ids);
        if (!ordered.IsSuccess)
        {
            return Problems.From(ordered.Error!);
        }

        await Refresh(catalog, cancellationToken);
        return TypedResults.Ok(await Answer(ordered.Value!.Items, catalog, cancellationToken));
    }

    public static async Task<Results<Ok<AdminCategoryResponse>, ProblemHttpResult>> Archive(
        string id, ArchiveCategoryRequest? request, IGrainFactory grains, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        catalog.Invalidate();
        var categories = await catalog.GetCategories(cancellationToken);
        if (categories.Find(id) is null)
        {
            return Problems.NotFound(ErrorCodes.CategoryNotFound, "No category with this id.");
        }

        var products = (await catalog.GetEntries(cancellationToken)).Values.Where(e => e.Category == id).Select(e => e.Id).ToList();
        if (products.Count > 0)
        {
            var moveTo = request?.MoveTo;
            if (moveTo is null)
            {
                return Problems.From(ShopError.Conflict(ErrorCodes.CategoryNotEmpty,
                    $"{products.Count} products are filed under this category. Say where to move them (moveTo).",
                    new Dictionary<string, object> { ["count"] = products.Count }));
            }

            if (moveTo == id || categories.FindActive(moveTo) is null)
            {
                return Problems.Invalid("moveTo", "Move the products to another active category.");
            }

            await Parallel.ForEachAsync(products, new ParallelOptions { MaxDegreeOfParallelism = MovesAtOnce, CancellationToken = cancellationToken },
                async (productId, _) => await MoveProduct(grains.Get<IProductGrain>(productId), moveTo));
        }

        return await One(id, await grains.GetGrain<ICategoriesGrain>(0).SetArchived(id, archived: true), catalog, cancellationToken);
    }

    public static async Task<Results<Ok<AdminCategoryResponse>, ProblemHttpResult>> Restore(
        string id, IGrainFactory grains, CatalogSnapshot catalog, CancellationToken cancellationToken) =>
        await One(id, await grains.GetGrain<ICategoriesGrain>(0).SetArchived(id, archived: false), catalog, cancellationToken);

    /// <summary>An id from the English name ("Pet Supplies" → "pet-supplies"), or a random one when that leaves too little.</summary>
    public static string IdFrom(string name)
    {
        var slug = Regex.Replace(name.Trim().ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        return CategoryRules.IsValidId(slug) ? slug : "c-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    }

    /// <summary>Re-files one product; a product changed meanwhile (stock moved) is read again and re-filed.</summary>
    private static async Task MoveProduct(IProductGrain product, string category)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await product.Get() is not { Archived: false } current || current.Details.Category == category)
            {
                return;
            }

            var moved = await product.Update(current.Details with { Category = category }, stock: null, expectedRevision: current.Revision);
            if (moved.Error?.Code != ErrorCodes.ProductChanged)
            {
                return;
            }
        }
    }

    private static async Task<Results<Ok<AdminCategoryResponse>, ProblemHttpResult>> One(
        string id, Outcome<CategoryList> changed, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        if (!changed.IsSuccess)
        {
            return Problems.From(changed.Error!);
        }

        await Refresh(catalog, cancellationToken);
        return TypedResults.Ok((await Answer(changed.Value!.Items.Where(c => c.Id == id).ToList(), catalog, cancellationToken)).Single());
    }

    /// <summary>This node shows its own change at once; others within a second.</summary>
    private static async Task Refresh(CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        catalog.Invalidate();
        await catalog.GetCategories(cancellationToken);
    }

    private static async Task<List<AdminCategoryResponse>> Answer(IEnumerable<CategoryInfo> categories, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var counts = (await catalog.GetEntries(cancellationToken)).Values.CountBy(e => e.Category).ToDictionary();
        return categories.Select(c => AdminCategoryResponse.From(c, counts)).ToList();
    }
}
