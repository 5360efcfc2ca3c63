namespace Shop.Api.Features.Web;

/// <summary>
/// HEAD is answered wherever GET is (uptime monitors and crawlers use it): the request is routed
/// and handled as a GET, and its body is dropped, so the headers (status, type, length, caching)
/// are exactly those of the GET. A startup filter, because it must run before routing picks an
/// endpoint by method.
/// </summary>
internal sealed class HeadRequests : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await nextMiddleware(context);
                return;
            }

            var body = context.Response.Body;
            context.Request.Method = HttpMethods.Get;
            context.Response.Body = Stream.Null;
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                context.Request.Method = HttpMethods.Head;
                context.Response.Body = body;
            }
        });
        next(app);
    };
}
