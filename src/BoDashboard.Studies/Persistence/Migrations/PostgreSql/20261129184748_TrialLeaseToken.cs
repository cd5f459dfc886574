using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BoDashboard.Studies.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TrialLeaseToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LeaseToken",
                table: "trials",
                type: "character varying(36)",
                maxLength: 36,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeaseToken",
                table: "trials");
        }
    }
}
