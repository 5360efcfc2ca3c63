using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Shop.Api.Features.Live;

/// <summary>How many live streams (GET /api/live) an API node keeps open, per account and in all.</summary>
public sealed class LiveOptions
{
    [ConfigurationKeyName("LIVE_STREAMS_PER_USER")]
    [Range(1, 1000, ErrorMessage = "LIVE_STREAMS_PER_USER must be between 1 and 1000.")]
    public int PerUser { get; set; } = 8;

    [ConfigurationKeyName("LIVE_STREAMS_PER_NODE")]
    [Range(1, 1_000_000, ErrorMessage = "LIVE_STREAMS_PER_NODE must be between 1 and 1000000.")]
    public int PerNode { get; set; } = 5000;
}
