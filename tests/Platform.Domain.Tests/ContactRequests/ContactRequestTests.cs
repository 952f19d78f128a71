using Platform.Domain.Common;
using Platform.Domain.ContactRequests;
using Platform.Domain.Tenants;

namespace Platform.Domain.Tests.ContactRequests;

public sealed class ContactRequestTests
{
    private static readonly Guid TenantId = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Without_consent_nothing_is_stored() =>
        Assert.Equal("contact.consent", Assert.Throws<DomainException>(() =>
            ContactRequest.Submit(TenantId, ContactRequestType.Barrier, null, null, null, "Text", consent: false, Now)).Code);

    [Fact]
    public void A_callback_needs_a_phone_number() =>
        Assert.Equal("contact.phone", Assert.Throws<DomainException>(() =>
            ContactRequest.Submit(TenantId, ContactRequestType.Callback, null, "a@example.org", null, "Text", consent: true, Now)).Code);

    [Fact]
    public void A_question_needs_a_way_to_answer() =>
        Assert.Equal("contact.reply", Assert.Throws<DomainException>(() =>
            ContactRequest.Submit(TenantId, ContactRequestType.Question, "Mo", " ", "", "Text", consent: true, Now)).Code);

    [Fact]
    public void A_barrier_report_needs_no_contact_data()
    {
        var request = ContactRequest.Submit(TenantId, ContactRequestType.Barrier, null, null, null, "  Der Knopf ist zu klein.  ", consent: true, Now);

        Assert.Equal("Der Knopf ist zu klein.", request.Message);
        Assert.Equal("", request.Email);
        Assert.Null(request.DoneAt);
    }

    [Fact]
    public void Marking_done_twice_keeps_the_first_time_and_person()
    {
        var request = ContactRequest.Submit(TenantId, ContactRequestType.Question, null, "a@example.org", null, "Frage", consent: true, Now);

        request.MarkDone("Erste", Now.AddHours(1));
        request.MarkDone("Zweite", Now.AddHours(2));

        Assert.Equal(Now.AddHours(1), request.DoneAt);
        Assert.Equal("Erste", request.DoneBy);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(366)]
    [InlineData(0)]
    public void A_retention_period_outside_7_to_365_days_is_refused(int days)
    {
        var tenant = Tenant.Create("test-jc", "Test", new TenantBranding(), new TenantContact(), Now);

        Assert.Throws<DomainException>(() => tenant.ChangeContactRetention(days));
        Assert.Equal(ContactRequest.DefaultRetentionDays, tenant.ContactRetentionDays);
    }

    [Fact]
    public void The_retention_cutoff_lies_the_period_before_now() =>
        Assert.Equal(Now.AddDays(-30), ContactRequest.RetentionCutoff(30, Now));
}
