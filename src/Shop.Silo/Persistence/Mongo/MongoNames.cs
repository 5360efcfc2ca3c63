namespace Shop.Silo.Persistence.Mongo;

/// <summary>The collections the shop keeps in its MongoDB database.</summary>
public static class MongoNames
{
    /// <summary>One document per cluster (ClusterId): table version, version etag and the silos.</summary>
    public const string Membership = "orleans_membership";

    /// <summary>One document per reminder, keyed by service, grain and reminder name.</summary>
    public const string Reminders = "orleans_reminders";

    /// <summary>Grain state lives in one collection per state name: <c>state_cart</c>, <c>state_order</c>, ...</summary>
    public const string GrainStatePrefix = "state_";

    /// <summary>The admin order list: one document per order, projected from its events.</summary>
    public const string Orders = "shop_orders";

    /// <summary>Product reviews: one document per review (<c>_id</c>: the review id).</summary>
    public const string Reviews = "shop_reviews";

    /// <summary>Helpful votes: one document per shopper and review (<c>_id</c>: both).</summary>
    public const string ReviewVotes = "shop_review_votes";

    /// <summary>The applied migration steps (and the migration lock).</summary>
    public const string Migrations = "shop_schema_migrations";

    /// <summary>
    /// The state names of the shop's grains (<c>[PersistentState("...", StorageNames.Shop)]</c>); the
    /// migration creates their collections. A state missing here still works: MongoDB creates its
    /// collection on the first write. A test keeps this list in step with the grains.
    /// </summary>
    public static readonly IReadOnlyList<string> ShopStates =
        ["cart", "catalog", "catalog-page", "categories", "email", "order", "orders", "probe", "product", "reviews", "stock-hold", "user"];

    /// <summary>
    /// <c>state_</c> + the state name, with the characters a collection name cannot hold ($, NUL)
    /// replaced by '_'.
    /// </summary>
    public static string GrainStateCollection(string stateName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateName);
        return GrainStatePrefix + stateName.Replace('$', '_').Replace('\0', '_');
    }
}
