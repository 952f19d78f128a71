namespace Platform.Web;

/// <summary>Links built from a tenant's contact data.</summary>
public static class ContactLinks
{
    /// <summary>A phone number as a <c>tel:</c> target: digits and a leading plus only.</summary>
    public static string PhoneHref(string phone) => new([.. phone.Where(c => char.IsDigit(c) || c == '+')]);
}
