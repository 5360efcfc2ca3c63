using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Shop.Persistence.Tests.Cluster;

/// <summary>
/// Live updates across API nodes: a shopper's stream on node A tells of a shipment an admin makes
/// through node B and of a cart change made through B, and a stream that reconnects to B with the last
/// event id it had from A gets what it missed. Two silos, two API nodes, PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveAcrossNodesTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public async Task A_stream_on_one_node_hears_of_changes_made_through_another_and_resumes_there()
    {
        var store = await ClusterStores.Postgres(postgres, "live");
        await LocalShopCluster.RunAsync(store, silos: 2, settings: null, Budget, output, async (cluster, ct) =>
        {
            var nodeB = await cluster.StartApiNodeAsync(ct);
            using var a = new ShopHttp(cluster.ApiUrl);
            using var b = new ShopHttp(nodeB);
            var admin = (await b.Login(LocalShopCluster.AdminEmail, LocalShopCluster.AdminPassword, ct)).Expect("admin login on B").Token;
            var product = (await b.CreateProduct(admin, "Live product", 1990, 10, ct)).Expect("create a product").Id;
            var shopper = (await a.Register($"live-{Guid.NewGuid():N}@cluster.test", "shopper-password", ct)).Expect("register on A").Token;

            var lastId = "";
            using (var onA = await Stream.Open(cluster.ApiUrl, shopper, null, ct))
            {
                Assert.Equal("resync", (await onA.Next(ct)).Type);
                (await b.AddToCart(shopper, product, 1, ct)).Expect("add to the cart on B");
                Assert.Equal("cart", (await onA.Next(ct)).Type);

                var order = (await a.Checkout(shopper, Guid.NewGuid().ToString("N"), ct)).Expect("checkout on A").Id;
                (await a.Pay(shopper, order, ct)).Expect("pay on A");
                (await b.Ship(admin, order, ct)).Expect("ship on B");
                var statuses = new List<string>();
                while (!statuses.Contains("Shipped"))
                {
                    var next = await onA.Next(ct);
                    lastId = next.Id;
                    if (next.Type == "order")
                    {
                        statuses.Add(next.Data["status"]!.GetValue<string>());
                    }
                }

                Assert.Equal(["PendingPayment", "Paid", "Shipped"], statuses);
            }

            // Gone for a moment; meanwhile the cart changes through A. The stream resumes on B.
            (await a.SetQuantity(shopper, product, 2, ct)).Expect("change the cart on A");
            using var onB = await Stream.Open(nodeB, shopper, lastId, ct);
            var resumed = await onB.Next(ct);
            Assert.Equal("cart", resumed.Type);
        });
    }

    /// <summary>A GET /api/live read event by event (heartbeats skipped).</summary>
    private sealed class Stream : IDisposable
    {
        private readonly HttpClient _http;
        private readonly HttpResponseMessage _response;
        private readonly IAsyncEnumerator<SseItem<string>> _events;

        private Stream(HttpClient http, HttpResponseMessage response, System.IO.Stream body)
        {
            (_http, _response) = (http, response);
            _events = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
        }

        public static async Task<Stream> Open(Uri node, string token, string? lastEventId, CancellationToken ct)
        {
            var http = new HttpClient { BaseAddress = node, Timeout = Timeout.InfiniteTimeSpan };
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/live");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (lastEventId is not null)
            {
                request.Headers.Add("Last-Event-ID", lastEventId);
            }

            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            return new Stream(http, response, await response.Content.ReadAsStreamAsync(ct));
        }

        public async Task<(string Type, JsonObject Data, string Id)> Next(CancellationToken ct)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            while (true)
            {
                Assert.True(await _events.MoveNextAsync().AsTask().WaitAsync(timeout.Token), "The live stream ended.");
                if (_events.Current.EventType != "ping")
                {
                    return (_events.Current.EventType, JsonNode.Parse(_events.Current.Data)!.AsObject(), _events.Current.EventId ?? "");
                }
            }
        }

        public void Dispose()
        {
            _response.Dispose();
            _http.Dispose();
        }
    }
}
