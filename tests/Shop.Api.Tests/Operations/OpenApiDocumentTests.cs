using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Operations;

/// <summary>
/// The web client's types are generated from web/openapi/v1.json (npm run gen:api); this keeps that
/// copy equal to the document the API serves, so a changed response shape cannot go unnoticed by the
/// client. After a deliberate change: SHOP_UPDATE_OPENAPI=1 and this test rewrites the copy.
/// </summary>
[Collection(ShopCollection.Name)]
public sealed class OpenApiDocumentTests(ShopApiFactory factory)
{
    private static readonly string Committed = RepositoryFiles.PathOf("web", "openapi", "v1.json");

    [Fact]
    public async Task The_web_clients_copy_of_the_document_is_the_one_the_api_serves()
    {
        var served = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        served.Remove("servers"); // the address the request came to, not part of the contract

        if (Environment.GetEnvironmentVariable("SHOP_UPDATE_OPENAPI") == "1")
        {
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            await File.WriteAllTextAsync(Committed, served.ToJsonString(options) + "\n");
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Committed));
        Assert.True(
            JsonNode.DeepEquals(served, committed),
            "web/openapi/v1.json differs from the API's /openapi/v1.json. If the change is meant: " +
            "SHOP_UPDATE_OPENAPI=1 dotnet test tests/Shop.Api.Tests --filter OpenApiDocumentTests, then (cd web && npm run gen:api).");
    }
}
