namespace Platform.Api.Endpoints.Accounts;

/// <summary>
/// A person's own account on any host: signing in (<see cref="SignInEndpoints"/>) and "Meine Daten"
/// (<see cref="MyDataEndpoints"/>). A jobcenter's staff are mapped with the tenant's endpoints (<see cref="StaffEndpoints"/>).
/// </summary>
public static class AccountsEndpoints
{
    public static RouteGroupBuilder MapAccountsEndpoints(this RouteGroupBuilder api) =>
        api.MapSignInEndpoints().MapMyDataEndpoints();
}
