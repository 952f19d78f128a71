using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Accounts;
using Platform.Domain.Audit;
using Platform.Domain.Common;
using Platform.Domain.ContactRequests;
using Platform.Domain.Events;
using Platform.Domain.Library;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Persistence;

public sealed class PostgreSqlDbContext : PlatformDbContext
{
    public PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options)
        : base(options)
    {
    }
}
