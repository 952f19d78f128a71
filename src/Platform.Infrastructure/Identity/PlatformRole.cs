using Microsoft.AspNetCore.Identity;
using Platform.Domain.Common;

namespace Platform.Infrastructure.Identity;

public sealed class PlatformRole : IdentityRole<Guid>, ISharedEntity
{
    public PlatformRole()
    {
    }

    public PlatformRole(string name)
        : base(name) => Id = Guid.CreateVersion7();
}
