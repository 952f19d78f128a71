namespace Platform.Web.Resources;

/// <summary>
/// Form messages for data-annotation attributes, which need static properties
/// (<c>[Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.EmailRequired))]</c>):
/// each reads <c>Validation.&lt;Name&gt;</c> from <see cref="UiText"/> in the current UI culture.
/// </summary>
public static class ValidationText
{
    public static string EmailRequired => UiText.Get("Validation.EmailRequired");

    public static string EmailInvalid => UiText.Get("Validation.EmailInvalid");

    public static string PasswordRequired => UiText.Get("Validation.PasswordRequired");

    public static string NameRequired => UiText.Get("Validation.NameRequired");

    public static string NameTooLong => UiText.Get("Validation.NameTooLong");

    public static string NewPasswordRequired => UiText.Get("Validation.NewPasswordRequired");

    public static string NewPasswordRequired2 => UiText.Get("Validation.NewPasswordRequired2");

    public static string PasswordTooShort => UiText.Get("Validation.PasswordTooShort");

    public static string PasswordTooLong => UiText.Get("Validation.PasswordTooLong");

    public static string CodeFromEmailRequired => UiText.Get("Validation.CodeFromEmailRequired");

    public static string CodeRequired => UiText.Get("Validation.CodeRequired");

    public static string AppCodeRequired => UiText.Get("Validation.AppCodeRequired");
}
