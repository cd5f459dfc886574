using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BoDashboard.Studies.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StudyPruner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PrunerJson",
                table: "studies",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PrunerJson",
                table: "studies");
        }
    }
}
