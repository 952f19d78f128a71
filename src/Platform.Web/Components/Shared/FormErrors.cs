using FluentValidation;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Web.Resources;

namespace Platform.Web.Components.Shared;

/// <summary>Runs a use case from a form and turns refusals into messages for the page instead of an error page.</summary>
public static class FormErrors
{
    public static async Task<IReadOnlyList<string>> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return [];
        }
        catch (ValidationException ex)
        {
            return [.. ex.Errors.Select(e => e.ErrorMessage).Distinct()];
        }
        catch (DomainException ex)
        {
            return [ex.Message];
        }
        catch (NotFoundException)
        {
            return [UiText.Get("Form.NotFound")];
        }
        catch (ForbiddenException ex)
        {
            return [ex.Message];
        }
        catch (ConflictException ex)
        {
            return [ex.Message];
        }
    }
}
