namespace Shop.Grains.Common;

/// <summary>
/// The stable codes of every problem the shop answers (problem details' <c>code</c>). Clients
/// translate them (web/src/locales/*/problems.json; a test keeps the two in step), so a code never
/// changes meaning; add a new one instead. Parameters named in a comment travel in <c>params</c>.
/// </summary>
public static class ErrorCodes
{
    // Requests the framework refuses, by status.
    public const string Invalid = "request.invalid";
    public const string TooLarge = "request.too_large";
    public const string UnsupportedMediaType = "request.unsupported_media_type";
    public const string IdempotencyKeyInvalid = "request.idempotency_key_invalid";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string RateLimited = "rate_limited";
    public const string ServerError = "server.error";
    public const string Unavailable = "server.unavailable";
    public const string Busy = "server.busy";

    public const string AuthRequired = "auth.required";
    public const string Forbidden = "auth.forbidden";
    public const string InvalidCredentials = "auth.invalid_credentials";
    public const string WrongPassword = "auth.wrong_password";
    public const string ResetTokenInvalid = "auth.reset_token_invalid";
    public const string VerifyTokenInvalid = "auth.verify_token_invalid";
    public const string EmailVerified = "auth.email_verified";
    public const string AccountGone = "auth.account_gone";
    public const string EmailTaken = "account.email_taken";
    public const string AccountExists = "account.exists";
    public const string AccountNotFound = "account.not_found";

    public const string ProductNotFound = "product.not_found";
    public const string ProductExists = "product.exists";

    /// <summary>The product changed since the caller read it (If-Match). params: revision, stock (the current ones).</summary>
    public const string ProductChanged = "product.changed";

    /// <summary>An import's rows did not all pass; errors name each (row and field). Nothing was written.</summary>
    public const string ImportInvalidRows = "import.invalid_rows";

    /// <summary>params: max.</summary>
    public const string ImportTooManyRows = "import.too_many_rows";

    /// <summary>params: available.</summary>
    public const string StockInsufficient = "stock.insufficient";

    public const string CartEmpty = "cart.empty";

    /// <summary>params: min, max.</summary>
    public const string CartQuantityRange = "cart.quantity_range";

    /// <summary>params: max, current.</summary>
    public const string CartLineLimit = "cart.line_limit";

    /// <summary>params: max.</summary>
    public const string CartProductLimit = "cart.product_limit";

    public const string OrderNotFound = "order.not_found";
    public const string OrderItemsUnavailable = "order.items_unavailable";
    public const string OrderProductUnavailable = "order.product_unavailable";
    public const string OrderCheckoutExpired = "order.checkout_expired";

    /// <summary>The shopper has this many unpaid orders holding stock already. params: max.</summary>
    public const string OrderTooManyUnpaid = "order.too_many_unpaid";

    /// <summary>A line asks for more units of one product than one order may hold; errors name each. params: max.</summary>
    public const string OrderTooManyUnits = "order.too_many_units";

    /// <summary>The total differs from the one the shopper was shown (prices changed). params: expected, total.</summary>
    public const string OrderTotalChanged = "order.total_changed";

    /// <summary>params: status (the order's, e.g. Shipped); the same for the four below.</summary>
    public const string OrderNotPayable = "order.not_payable";
    public const string OrderNotCancellable = "order.not_cancellable";
    public const string OrderNotRefundable = "order.not_refundable";
    public const string OrderNotShippable = "order.not_shippable";
    public const string OrderNotDeliverable = "order.not_deliverable";

    public const string CategoryNotFound = "category.not_found";
    public const string CategoryExists = "category.exists";

    /// <summary>A category with products is archived only with a category to move them to. params: count.</summary>
    public const string CategoryNotEmpty = "category.not_empty";

    /// <summary>Archive its subcategories first.</summary>
    public const string CategoryHasChildren = "category.has_children";

    /// <summary>A parent must be an active top-level category (one level of subcategories).</summary>
    public const string CategoryParentInvalid = "category.parent_invalid";

    /// <summary>params: max.</summary>
    public const string CategoryTooMany = "category.too_many";

    public const string ReviewNotFound = "review.not_found";

    /// <summary>This order line has a review already (edit that one instead).</summary>
    public const string ReviewExists = "review.exists";

    /// <summary>Only the buyer of a delivered line of the product can review it.</summary>
    public const string ReviewNotAllowed = "review.not_allowed";

    /// <summary>The edit window has passed. params: days.</summary>
    public const string ReviewLocked = "review.locked";

    /// <summary>params: min, max.</summary>
    public const string ReviewRatingRange = "review.rating_range";

    /// <summary>params: max.</summary>
    public const string ReviewTextTooLong = "review.text_too_long";

    /// <summary>A shopper's own review, or one voted for already.</summary>
    public const string ReviewVoteRefused = "review.vote_refused";

    public const string PaymentDeclined = "payment.declined";
    public const string CardInvalid = "payment.card_invalid";

    /// <summary>params: amount, total.</summary>
    public const string PaymentAmountMismatch = "payment.amount_mismatch";

    public const string WebhookSignatureInvalid = "webhook.signature_invalid";

    /// <summary>Every code above, for the test that checks each one is translated.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(ErrorCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();
}
