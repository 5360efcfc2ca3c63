using Shop.Api.Features.Auth;
using Shop.Api.Features.Orders;
using Shop.Silo.Configuration;

namespace Shop.Api.Operations;

/// <summary>
/// What a production API node refuses to start with, one line per problem: the silo's rules, then each
/// setting's production rule (a validator beside its options class), checked on the options as bound.
/// Run before the host is built, so nothing starts on unsafe settings.
/// </summary>
public static class ApiProductionRules
{
    public static List<string> Check(IConfiguration config)
    {
        var problems = ProductionRules.ForSilo(config);
        ShopOptions.Check(config, AuthOptions.ProductionRule, problems);
        ShopOptions.Check(config, AllowedOriginsOptions.ProductionRule, problems);
        ShopOptions.Check(config, WebhookOptions.ProductionRule, problems);
        ShopOptions.Check(config, AdminAccountOptions.ProductionRule, problems);
        return problems;
    }
}
