using System.Data.Common;
using System.Net.Sockets;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Tells a database that cannot be reached (down, restarting, refusing connections, out of connections) from a
/// failure of the request itself: the first is a 503 worth retrying, the second a 500.
/// </summary>
public static class DatabaseAvailability
{
    /// <summary>PostgreSQL's SQLSTATEs of a server that is going away or not taking connections.</summary>
    private static readonly HashSet<string> UnavailableStates =
        ["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006", "55000"];

    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException:
                    return true;
                case DbException db when db.IsTransient || (db.SqlState is { } state && UnavailableStates.Contains(state)):
                    return true;
                case DbException db when db.InnerException is IOException or SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
