using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Persistence;

/// <summary>The same model on PostgreSQL; a type of its own so that its migrations (Migrations/PostgreSql/) are kept
/// apart from SQLite's.</summary>
public sealed class PostgresStudiesDbContext(DbContextOptions<PostgresStudiesDbContext> options) : StudiesDbContext(options);
