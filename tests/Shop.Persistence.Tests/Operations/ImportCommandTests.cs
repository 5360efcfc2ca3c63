using System.Text;
using Shop.Persistence.Tests.Cluster;
using Xunit.Abstractions;

namespace Shop.Persistence.Tests.Operations;

/// <summary>`Shop.Silo import FILE` against a running cluster on PostgreSQL, as ops would run it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ImportCommandTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_import_command_checks_the_whole_file_then_imports_it_and_a_second_run_adds_nothing()
    {
        var store = await ClusterStores.Postgres(postgres, "import");
        await LocalShopCluster.RunAsync(store, silos: 1, null, TimeSpan.FromMinutes(3), output, async (cluster, ct) =>
        {
            var folder = Directory.CreateTempSubdirectory("shop-import-");
            try
            {
                var tag = Guid.NewGuid().ToString("N")[..8];
                var good = Path.Combine(folder.FullName, "products.csv");
                var csv = new StringBuilder("name,description,price,category,brand,stock\n");
                for (var i = 0; i < 2500; i++)
                {
                    csv.Append($"\"Import {tag} 商品 {i}\",\"第 {i} 件, 说明\",{1000 + i},home,Brand,{i % 7}\n");
                }

                await File.WriteAllTextAsync(good, csv.ToString(), ct);
                var bad = Path.Combine(folder.FullName, "bad.csv");
                await File.WriteAllTextAsync(bad, csv + $"Broken {tag},,not-a-price,home,,1\n", ct);
                var environment = new Dictionary<string, string>
                {
                    ["SHOP_API_URL"] = cluster.ApiUrl.ToString(),
                    ["ADMIN_EMAIL"] = LocalShopCluster.AdminEmail,
                    ["ADMIN_PASSWORD"] = LocalShopCluster.AdminPassword,
                };

                // A file with one bad row: refused before anything is written, the row named.
                var refused = await Run(environment, bad);
                Assert.Equal(1, refused.ExitCode);
                Assert.True(refused.Output.Contains("line 2502: price"), refused.Output);
                Assert.Equal(0, await Listed(cluster, tag, ct));

                var imported = await Run(environment, good);
                Assert.True(imported.ExitCode == 0, imported.Output);
                Assert.Contains("imported 2,500 / 2,500 products", imported.Output);
                var again = await Run(environment, good);
                Assert.True(again.ExitCode == 0, again.Output);
                await WaitFor(async () => await Listed(cluster, tag, ct) == 2500, ct);
                output.WriteLine(imported.Output);
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        });
    }

    private static async Task<(int ExitCode, string Output)> Run(Dictionary<string, string> environment, string file)
    {
        using var command = ShopProcess.Start("import", BuildOutput.Silo, environment, "import", file);
        Assert.True(await command.WaitForExitAsync(TimeSpan.FromMinutes(2)), command.Tail());
        return (command.ExitCode, command.Output);
    }

    private static async Task<int> Listed(LocalShopCluster cluster, string tag, CancellationToken ct)
    {
        using var api = new ShopHttp(cluster.ApiUrl);
        return (await api.Send<Page<Product>>(HttpMethod.Get, $"/api/products?q={tag}&pageSize=1", null, ct: ct)).Expect("search").Total;
    }

    private static async Task WaitFor(Func<Task<bool>> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, ct);
        }

        Assert.True(await condition());
    }
}
