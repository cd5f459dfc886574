using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BoDashboard.Studies.Persistence;

/// <summary>Lets `dotnet ef migrations add NAME --context PostgresStudiesDbContext` build the context; no server is contacted.</summary>
public sealed class DesignTimePostgresStudiesDbContextFactory : IDesignTimeDbContextFactory<PostgresStudiesDbContext>
{
    public PostgresStudiesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStudiesDbContext>().UseNpgsql("Host=localhost;Database=bodashboard_design").Options);
}
