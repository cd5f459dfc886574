using Bunit;
using BoDashboard.Web.Components.Pages;

namespace BoDashboard.Web.Tests.Components;

/// <summary>Inputs with an error say so to assistive technology and point at the message.</summary>
public sealed class FormAriaTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;
    private readonly BunitContext ctx = new();

    public FormAriaTests() => ctx.AddStudies(folder);

    [Fact]
    public void An_invalid_field_is_marked_invalid_and_described_by_its_message_until_fixed()
    {
        var form = ctx.RenderNewStudyPage();
        Assert.False(form.Find("#budget").HasAttribute("aria-invalid"));

        form.Find("#budget").Change(0);

        var budget = form.Find("#budget");
        Assert.Equal("true", budget.GetAttribute("aria-invalid"));
        var message = form.Find(".validation-message[data-field=budget]");
        Assert.Equal(message.Id, budget.GetAttribute("aria-describedby"));
        Assert.Equal("must be between 1 and 100000, got 0", message.TextContent);

        form.Find("#budget").Change(10);
        Assert.False(form.Find("#budget").HasAttribute("aria-invalid"));
        Assert.False(form.Find("#budget").HasAttribute("aria-describedby"));
    }

    [Fact]
    public void A_parameter_cell_points_at_its_own_message()
    {
        var form = ctx.RenderNewStudyPage();
        form.Find("#objective").Change("alexnet:fashion-mnist");
        form.FindAll(".row-actions button")[0].Click(); // Add parameter
        form.Find(".param-name").Change("learning_rate");
        form.Find(".param-low").Change(0.5);
        form.Find(".param-high").Change(0.1);

        var high = form.Find(".param-high");
        var message = form.Find(".validation-message[data-field='parameters[0].high']");
        Assert.Equal(message.Id, high.GetAttribute("aria-describedby"));
        Assert.Equal("true", high.GetAttribute("aria-invalid"));
        Assert.Single(form.FindAll($"#{message.Id}"));
    }

    public void Dispose()
    {
        ctx.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
