namespace Shop.Api.Alerts;

public static class AlertSetup
{
    public static WebApplicationBuilder AddShopAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(AlertOptions.Read(builder.Configuration));
        builder.Services.AddSingleton<RequestStats>();
        builder.Services.AddSingleton<IAlertSignals, SystemSignals>();
        builder.Services.AddHostedService<AlertMonitor>();
        return builder;
    }
}
