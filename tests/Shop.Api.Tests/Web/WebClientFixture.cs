using System.IO.Compression;
using System.Text;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Web;

/// <summary>
/// The shop serving a small built web client made here (what `npm run build` writes: index.html, an asset
/// with its .br and .gz copies, and the .shop files the server reads), so the serving is tested without
/// building the real client.
/// </summary>
public sealed class WebClientFixture : IDisposable
{
    public const string Script = "/assets/app-1234.js";

    public static readonly string ScriptText = "console.log('shop');\n" + string.Concat(Enumerable.Repeat("export const text = 'a long enough script to be worth compressing';\n", 60));

    private readonly string _root = Directory.CreateTempSubdirectory("shop-web-").FullName;

    public WebClientFixture()
    {
        Write("index.html", """
            <!doctype html>
            <html lang="zh-CN">
              <head>
                <meta charset="UTF-8" />
                <title>Shop</title>
                <script type="module" crossorigin src="/assets/app-1234.js"></script>
              </head>
              <body>
                <div id="root"></div>
              </body>
            </html>
            """);
        Write(Script.TrimStart('/'), ScriptText);
        using (var brotli = new BrotliStream(File.Create(Path.Combine(_root, "assets/app-1234.js.br")), CompressionLevel.SmallestSize))
        {
            brotli.Write(Encoding.UTF8.GetBytes(ScriptText));
        }

        using (var gzip = new GZipStream(File.Create(Path.Combine(_root, "assets/app-1234.js.gz")), CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.UTF8.GetBytes(ScriptText));
        }

        Write(".shop/routes.json", """
            {"product-detail": {"js": ["/assets/page-product-detail-1.js"], "css": ["/assets/page-product-detail-1.css"]},
             "cart": {"js": ["/assets/page-cart-1.js"], "css": ["/assets/page-cart-1.css"]}}
            """);
        Write(".shop/texts.json", """
            {"zh-CN": {
              "app.name": "Shop 商城", "app.footer": "© {{year}} Shop 商城",
              "seo.homeTitle": "Shop 商城 - 发现你喜欢的好物", "seo.pageTitle": "{{page}} - Shop 商城",
              "seo.homeDescription": "数百种商品。", "seo.productsDescription": "筛选商品。", "seo.categoryDescription": "{{category}}。",
              "catalog.allProducts": "全部商品", "catalog.resultCount_other": "共 {{count}} 件商品", "catalog.inStockCount_other": "库存 {{count}} 件",
              "catalog.soldOut": "已售罄", "catalog.productNotFound": "商品不存在或已下架。", "cart.title": "购物车"
            }}
            """);
        Factory.Settings["WEB_ROOT"] = _root;
    }

    public ShopApiFactory Factory { get; } = new();

    public void Dispose()
    {
        Factory.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
