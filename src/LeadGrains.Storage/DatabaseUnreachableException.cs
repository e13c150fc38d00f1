using System.Net.Sockets;
using Npgsql;

namespace LeadGrains.Storage;

/// <summary>
/// The PostgreSQL server could not be connected to. The message is one line naming host and port
/// (never the password); the driver's exception is the inner exception.
/// </summary>
public sealed class DatabaseUnreachableException : Exception
{
    public DatabaseUnreachableException()
    {
    }

    public DatabaseUnreachableException(string message)
        : base(message)
    {
    }

    public DatabaseUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatabaseUnreachableException(string host, int port, Exception innerException)
        : base(Describe(host, port, innerException), innerException)
    {
        Host = host;
        Port = port;
    }

    public string? Host { get; }

    public int? Port { get; }

    private static string Describe(string host, int port, Exception error)
    {
        var reason = Reason(error).ReplaceLineEndings(" ").Trim();
        return $"Cannot connect to PostgreSQL at {host}:{port}: {reason}";
    }

    private static string Reason(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return $"{pg.MessageText} ({pg.SqlState})";
                case SocketException socket:
                    return socket.Message;
                case TimeoutException:
                    return "connection timed out";
            }
        }

        var innermost = error;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message;
    }
}
