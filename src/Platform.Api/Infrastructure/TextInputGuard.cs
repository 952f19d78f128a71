using FluentValidation;
using FluentValidation.Results;
using Platform.Application.Common;

namespace Platform.Api.Infrastructure;

/// <summary>
/// The text rule (<see cref="TextInput"/>) for what arrives outside a JSON body: the query string, route values and
/// form fields — Blazor form posts, the sign-in and Identity pages, uploads' text fields. It runs after routing,
/// authentication and antiforgery, so an endpoint's own size limits apply and a stranger cannot make the platform
/// parse a form it would refuse anyway. A violation is a 400 naming the field (problem+json, or the error page).
/// </summary>
public static class TextInputGuard
{
    public static IApplicationBuilder UseTextInputGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var failures = new List<ValidationFailure>();
            foreach (var (key, values) in context.Request.Query)
            {
                Check(key, values, failures);
            }

            foreach (var (key, value) in context.Request.RouteValues)
            {
                if (value is string text && !TextInput.IsAcceptable(text))
                {
                    failures.Add(new ValidationFailure(key, TextInput.Message));
                }
            }

            if (context.Request.HasFormContentType && context.GetEndpoint() is not null)
            {
                IFormCollection form;
                try
                {
                    form = await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException e)
                {
                    throw new BadHttpRequestException(e.Message, StatusCodes.Status400BadRequest, e);
                }

                foreach (var (key, values) in form)
                {
                    Check(key, values, failures);
                }
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            await next(context);
        });

    private static void Check(string key, Microsoft.Extensions.Primitives.StringValues values, List<ValidationFailure> failures)
    {
        if (!TextInput.IsAcceptable(key) || values.Any(v => !TextInput.IsAcceptable(v)))
        {
            failures.Add(new ValidationFailure(TextInput.IsAcceptable(key) ? key : "", TextInput.Message));
        }
    }
}
