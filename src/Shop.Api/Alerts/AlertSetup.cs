using Microsoft.Extensions.Options;
using Shop.Silo.Configuration;

namespace Shop.Api.Alerts;

public static class AlertSetup
{
    public static WebApplicationBuilder AddShopAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddShopOptions<AlertOptions>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<AlertOptions>>().Value);
        builder.Services.AddSingleton<RequestStats>();
        builder.Services.AddSingleton<IAlertSignals, SystemSignals>();
        builder.Services.AddHostedService<AlertMonitor>();
        return builder;
    }
}
