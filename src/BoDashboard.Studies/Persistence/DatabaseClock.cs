using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace BoDashboard.Studies.Persistence;

/// <summary>The database server's clock, for leases. Workers on different machines disagree about the time; the
/// database they share is one clock, so heartbeat stamps and lease expiry are computed by it, in SQL, and a worker
/// whose clock is skewed can neither make a live trial look abandoned nor keep a dead one alive.</summary>
public static class DatabaseClock
{
    /// <summary>The database's current UTC time; only inside a query (SQLite: strftime('now'); PostgreSQL: clock_timestamp()).</summary>
    public static DateTime Now() => throw new InvalidOperationException("DatabaseClock.Now is translated to SQL; use it inside a query");

    /// <summary>Seconds from <paramref name="moment"/> to the database's now (null for null); only inside a query.</summary>
    public static double? SecondsSince(DateTime? moment) =>
        throw new InvalidOperationException("DatabaseClock.SecondsSince is translated to SQL; use it inside a query");

    /// <summary>Reads the database's current UTC time, for rows written through the change tracker.</summary>
    public static async Task<DateTime> ReadAsync(StudiesDbContext db, CancellationToken ct)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT clock_timestamp() AS \"Value\""
            : "SELECT strftime('%Y-%m-%d %H:%M:%f', 'now') AS \"Value\"";
        var now = await db.Database.SqlQueryRaw<DateTime>(sql).SingleAsync(ct);
        return DateTime.SpecifyKind(now, DateTimeKind.Utc);
    }

    /// <summary>Maps <see cref="Now"/> and <see cref="SecondsSince"/> to the provider's SQL.</summary>
    internal static void Map(ModelBuilder modelBuilder, DbContext context)
    {
        var mappings = context.GetService<IRelationalTypeMappingSource>();
        var time = mappings.FindMapping(typeof(DateTime))!;
        var seconds = mappings.FindMapping(typeof(double))!;
        var postgres = context.Database.IsNpgsql();
        modelBuilder.HasDbFunction(typeof(DatabaseClock).GetMethod(nameof(Now))!).HasTranslation(_ => postgres
            ? new SqlFunctionExpression("clock_timestamp", [], nullable: false, [], typeof(DateTime), time)
            // The text layout EF Core stores DateTime in, so stored stamps compare with it as strings too.
            : new SqlFunctionExpression("strftime", [Fragment("'%Y-%m-%d %H:%M:%f'"), Fragment("'now'")], nullable: false, [false, false], typeof(DateTime), time));
        modelBuilder.HasDbFunction(typeof(DatabaseClock).GetMethod(nameof(SecondsSince))!).HasTranslation(args => postgres
            // Epoch seconds on both sides: no interval type in the expression.
            ? new SqlBinaryExpression(ExpressionType.Subtract,
                new SqlFunctionExpression("date_part", [Fragment("'epoch'"), Fragment("clock_timestamp()")], nullable: false, [false, false], typeof(double), seconds),
                new SqlFunctionExpression("date_part", [Fragment("'epoch'"), args[0]], nullable: true, [false, true], typeof(double), seconds),
                typeof(double), seconds)
            : new SqlBinaryExpression(ExpressionType.Multiply,
                new SqlBinaryExpression(ExpressionType.Subtract, Fragment("julianday('now')"),
                    new SqlFunctionExpression("julianday", [args[0]], nullable: true, [true], typeof(double), seconds), typeof(double), seconds),
                Fragment("86400.0"), typeof(double), seconds));
    }

    private static SqlFragmentExpression Fragment(string sql) => new(sql, typeof(object), null);
}
