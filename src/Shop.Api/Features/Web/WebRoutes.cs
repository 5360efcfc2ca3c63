namespace Shop.Api.Features.Web;

/// <summary>
/// The client's routes (web/src/app/router.tsx), by the name of their module under
/// web/src/app/routes, which is how the build lists their chunks. A path that is none of them is the
/// client's not-found page and answers 404.
/// </summary>
internal static class WebRoutes
{
    public const string Home = "home";
    public const string Products = "products";
    public const string ProductDetail = "product-detail";
    public const string NotFound = "not-found";

    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["/"] = Home,
        ["/products"] = Products,
        ["/login"] = "login",
        ["/register"] = "register",
        ["/forgot-password"] = "forgot-password",
        ["/reset-password"] = "reset-password",
        ["/cart"] = "cart",
        ["/checkout"] = "checkout",
        ["/account"] = "account/account-profile",
        ["/account/orders"] = "account/account-orders",
        ["/admin/products"] = "admin/admin-products",
        ["/admin/orders"] = "admin/admin-orders",
    };

    /// <summary>The route of a path and its id parameter, if it has one.</summary>
    public static (string Route, string? Id) Match(string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        if (Fixed.TryGetValue(trimmed, out var route))
        {
            return (route, null);
        }

        var segments = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["products", var id] => (ProductDetail, id),
            ["account", "orders", var id] => ("account/account-order-detail", id),
            _ => (NotFound, null),
        };
    }
}
