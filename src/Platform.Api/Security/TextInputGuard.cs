using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Primitives;
using Platform.Application.Common;

namespace Platform.Api.Security;

/// <summary>
/// The text rule (<see cref="TextInput"/>) for what arrives outside a JSON body: the query string, route values and
/// form fields — Blazor form posts, the sign-in and Identity pages, uploads' text fields. It runs after routing,
/// authentication, authorization and rate limiting, so an endpoint's own size limits apply and a stranger cannot make
/// the platform parse a form its endpoint would refuse; and just before antiforgery, which reads the same (cached) form
/// and would otherwise report such a form as a missing token. A violation is a 400 naming the field (problem+json, or
/// the error page).
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

            // A form whose antiforgery token failed is refused by its endpoint; it must not be read here at all.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false }
                && context.Request.HasFormContentType && context.GetEndpoint() is not null)
            {
                IFormCollection form;
                try
                {
                    form = await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    // The framework's form reader refuses some of these characters itself (NUL among them).
                    throw new ValidationException([new ValidationFailure("", ValidationMessages.Get("Input.MalformedForm"))]);
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

    private static void Check(string key, StringValues values, List<ValidationFailure> failures)
    {
        if (!TextInput.IsAcceptable(key) || values.Any(v => !TextInput.IsAcceptable(v)))
        {
            failures.Add(new ValidationFailure(TextInput.IsAcceptable(key) ? key : "", TextInput.Message));
        }
    }
}
