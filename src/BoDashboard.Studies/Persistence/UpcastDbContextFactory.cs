using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Persistence;

/// <summary>Hands out a provider's own context type as the <see cref="StudiesDbContext"/> every service asks for.</summary>
public sealed class UpcastDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<StudiesDbContext>
    where TContext : StudiesDbContext
{
    public StudiesDbContext CreateDbContext() => inner.CreateDbContext();
}
