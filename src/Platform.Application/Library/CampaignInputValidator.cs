using FluentValidation;
using Platform.Domain.Library;

namespace Platform.Application.Library;

public sealed class CampaignInputValidator : AbstractValidator<ICampaignInput>
{
    public CampaignInputValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("Bitte gib der Kampagne einen Titel.")
            .MaximumLength(LibraryCampaign.TitleMaxLength).WithMessage($"Der Titel hat höchstens {LibraryCampaign.TitleMaxLength} Zeichen.");
        RuleFor(c => c.Note).MaximumLength(LibraryCampaign.NoteMaxLength).WithMessage($"Die Notiz hat höchstens {LibraryCampaign.NoteMaxLength} Zeichen.");
        RuleFor(c => c.PublishAt)
            .NotEqual(default(DateTime)).WithMessage("Bitte gib den Termin der Kampagne an.")
            .Must(d => d.Kind == DateTimeKind.Utc).WithMessage("Die Zeit muss in UTC angegeben sein.");
    }
}
