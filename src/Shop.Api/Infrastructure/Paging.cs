using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Api.Infrastructure;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;
}

/// <summary>?page= and ?pageSize= of every list, checked by the request validation before a handler runs.</summary>
public record PageQuery
{
    [Range(1, Paging.MaxPage, ErrorMessage = "page must be between 1 and 100000.")]
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [Range(1, Paging.MaxPageSize, ErrorMessage = "pageSize must be between 1 and 100.")]
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? Paging.DefaultPageSize;

    public int Skip => (PageNumber - 1) * Size;
}
