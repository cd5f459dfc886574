using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BoDashboard.Studies.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TrialProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ProgressDone",
                table: "trials",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProgressLabel",
                table: "trials",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ProgressTotal",
                table: "trials",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProgressDone",
                table: "trials");

            migrationBuilder.DropColumn(
                name: "ProgressLabel",
                table: "trials");

            migrationBuilder.DropColumn(
                name: "ProgressTotal",
                table: "trials");
        }
    }
}
