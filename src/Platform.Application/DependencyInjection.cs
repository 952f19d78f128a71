using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Application.Reminders;

namespace Platform.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The use cases: the mediator (every handler of this assembly, requests validated on the way in), the validators,
    /// and the services the handlers share. The ports they need (database, mail, tenancy, jobs) come from the
    /// infrastructure, which the host registers next to this.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<GetFeedValidator>(ServiceLifetime.Singleton);
        services.AddScoped<ITopicCatalog, TopicCatalog>();
        services.AddScoped<InstagramKitSource>();
        services.AddScoped<InvitationMailer>();
        services.AddScoped<StaffAlerter>();
        services.AddSingleton<PostViewBuffer>();
        services.AddSingleton<FeedCounts>();
        return services;
    }
}
