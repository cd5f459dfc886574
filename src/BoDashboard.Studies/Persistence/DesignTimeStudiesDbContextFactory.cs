using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BoDashboard.Studies.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the web app.</summary>
public sealed class DesignTimeStudiesDbContextFactory : IDesignTimeDbContextFactory<StudiesDbContext>
{
    public StudiesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StudiesDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
