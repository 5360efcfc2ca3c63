using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Shop.Silo.Hosting;
using Shop.Api.Infrastructure;

namespace Shop.Api.Hosting;

public static class ApiHosting
{
    public const int MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Listening address, JSON rules, problem details and request validation.</summary>
    public static WebApplicationBuilder AddShopApiDefaults(this WebApplicationBuilder builder)
    {
        // PORT (default 5000) unless ASPNETCORE_URLS or --urls says otherwise.
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            var port = int.TryParse(builder.Configuration["PORT"], out var p) && p is > 0 and < 65536 ? p : 5000;
            var host = builder.Environment.IsDevelopment() ? "localhost" : "0.0.0.0";
            builder.WebHost.UseUrls($"http://{host}:{port}");
        }

        builder.Logging.AddShopLogging(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Nulls are written: every field of API.md and the OpenAPI document is in every answer,
            // an optional one (a product without brand, an unpaid order's payment) as null.
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // A number sent as a string is a client bug worth a 400, not something to guess at.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? 500;
            context.ProblemDetails.Title ??= Problems.TitleOf(status);
            context.ProblemDetails.Type ??= Problems.TypeOf(status);
            context.ProblemDetails.Detail ??= Problems.DefaultDetail(status) ?? context.ProblemDetails.Title;
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Extensions.TryAdd(Problems.CodeKey, Problems.CodeOf(status));
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                CamelCaseFieldNames(validation.Errors);
            }
        });
        builder.Services.AddExceptionHandler<ShopExceptionHandler>();
        builder.Services.AddValidation();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// Validation reports C# member names ("ShippingAddress.Phone"); clients know the JSON names.
    /// Header names ("Idempotency-Key") are left as they are.
    /// </summary>
    private static void CamelCaseFieldNames(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.Where(k => !k.Contains('-')).ToList())
        {
            var camel = string.Join('.', key.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
            if (camel != key)
            {
                errors[camel] = errors[key];
                errors.Remove(key);
            }
        }
    }
}
