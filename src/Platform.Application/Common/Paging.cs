using FluentValidation;

namespace Platform.Application.Common;

/// <summary>
/// One paging rule for every list: a page number between 1 and <see cref="MaxPage"/>, so that the offset
/// <c>(page - 1) * pageSize</c> can never overflow into a negative OFFSET (a 500 on PostgreSQL) whatever the page size.
/// </summary>
public static class Paging
{
    public const int MaxPage = 10_000;

    public static IRuleBuilderOptions<T, int> ValidPage<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPage).WithMessage(_ => ValidationMessages.Format("Paging.PageInvalid", MaxPage));

    public static int Offset(int page, int pageSize) => (Math.Clamp(page, 1, MaxPage) - 1) * pageSize;
}
