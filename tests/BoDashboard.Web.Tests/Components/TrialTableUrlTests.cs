using Bunit;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.StudyView;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests.Components;

/// <summary>The trial table's sort and page live in the address (sort, desc, page), beside other views' keys.</summary>
public sealed class TrialTableUrlTests
{
    private static TrialDetails Trial(int number) => new(
        number + 100, number, TrialStates.Complete, new Dictionary<string, object> { ["lr"] = (number * 7 % 50) / 100.0 }, number * 37 % 101, "gp-ei", null,
        new DateTime(2026, 1, 1), new DateTime(2026, 1, 1).AddSeconds(2), 2.0, null, "w", []);

    private static readonly TrialDetails[] Trials = Enumerable.Range(0, 50).Select(Trial).ToArray();

    private static IRenderedComponent<TrialTable> Render(BunitContext ctx, bool keep = true) =>
        ctx.Render<TrialTable>(p => p.Add(t => t.Trials, Trials).Add(t => t.ParameterNames, ["lr"]).Add(t => t.KeepInUrl, keep));

    [Fact]
    public void A_link_with_sort_and_page_opens_the_table_on_that_view()
    {
        using var ctx = new BunitContext();
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("http://localhost/studies/1?x=lr&sort=value&desc=1&page=2");

        var table = Render(ctx);

        var expected = Trials.OrderByDescending(t => t.Value).ThenBy(t => t.Number).Skip(20).First().Number;
        Assert.Equal(expected.ToString(), table.Find("tbody tr").GetAttribute("data-trial"));
        Assert.Contains("Page 2 of 3", table.Find(".page-info").TextContent);
        Assert.Equal("descending", table.Find("th.sorted").GetAttribute("aria-sort"));
    }

    [Fact]
    public void Sorting_and_paging_write_only_the_tables_keys_and_keep_the_others()
    {
        using var ctx = new BunitContext();
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("http://localhost/studies/1?x=lr&fix.c=a");
        var table = Render(ctx);

        table.FindAll("th .sort").Single(b => b.TextContent.StartsWith("lr")).Click();
        Assert.Equal("http://localhost/studies/1?x=lr&fix.c=a&sort=param%3Alr", nav.Uri);
        table.FindAll(".pager button")[2].Click(); // Next
        Assert.Equal("http://localhost/studies/1?x=lr&fix.c=a&sort=param%3Alr&page=2", nav.Uri);
        table.FindAll("th .sort").Single(b => b.TextContent.StartsWith("lr")).Click(); // descending, back to page 1
        Assert.Equal("http://localhost/studies/1?x=lr&fix.c=a&sort=param%3Alr&desc=1", nav.Uri);

        // Back in the browser (another address) is followed.
        nav.NavigateTo("http://localhost/studies/1?x=lr&fix.c=a&page=3");
        table.WaitForAssertion(() => Assert.Contains("Page 3 of 3", table.Find(".page-info").TextContent));
        Assert.Equal("40", table.Find("tbody tr").GetAttribute("data-trial"));
    }

    [Fact]
    public void Nonsense_in_the_address_falls_back_to_the_default_view_and_a_table_not_kept_in_the_url_never_navigates()
    {
        using var ctx = new BunitContext();
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("http://localhost/studies/1?sort=param:nope&page=-4");
        var table = Render(ctx);
        Assert.Equal("0", table.Find("tbody tr").GetAttribute("data-trial"));
        Assert.Contains("Page 1 of 3", table.Find(".page-info").TextContent);

        using var other = new BunitContext();
        var otherNav = other.Services.GetRequiredService<NavigationManager>();
        otherNav.NavigateTo("http://localhost/somewhere?page=2");
        var plain = Render(other, keep: false);
        plain.FindAll(".pager button")[2].Click();
        Assert.Equal("http://localhost/somewhere?page=2", otherNav.Uri);
        Assert.Contains("Page 2 of 3", plain.Find(".page-info").TextContent);
    }
}
