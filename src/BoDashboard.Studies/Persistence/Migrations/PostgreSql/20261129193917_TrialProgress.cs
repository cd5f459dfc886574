using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BoDashboard.Studies.Persistence.Migrations.PostgreSql
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProgressLabel",
                table: "trials",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ProgressTotal",
                table: "trials",
                type: "double precision",
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
