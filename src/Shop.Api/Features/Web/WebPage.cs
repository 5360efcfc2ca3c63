using System.Text.Json.Nodes;

namespace Shop.Api.Features.Web;

/// <summary>
/// One page as the server sends it: what goes into the head (title, description, canonical URL, Open
/// Graph, JSON-LD), the first screen's markup, and the API answers that screen was made from, which the
/// client takes instead of asking again (keyed by the API URL it would request).
/// </summary>
internal sealed record WebPage(string Route, string Title, string Description, string CanonicalPath)
{
    public int Status { get; init; } = StatusCodes.Status200OK;
    public string Body { get; init; } = "";

    /// <summary>The body is the layout (header, footer; on the cart also its title): the client draws the page itself.</summary>
    public bool Shell { get; init; }
    public string? ImagePath { get; init; }
    public string OpenGraphType { get; init; } = "website";
    public JsonObject? JsonLd { get; init; }
    public Dictionary<string, JsonNode?> Data { get; } = new(StringComparer.Ordinal);
}
