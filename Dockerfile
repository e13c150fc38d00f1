# syntax=docker/dockerfile:1
# The LeadGrains host (API + silo). Build from the repository root: docker build -t leadgrains:dev .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore from the project files alone first, so that a code change does not download the packages again.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/LeadGrains.Domain/LeadGrains.Domain.csproj src/LeadGrains.Domain/
COPY src/LeadGrains.Abstractions/LeadGrains.Abstractions.csproj src/LeadGrains.Abstractions/
COPY src/LeadGrains.Grains/LeadGrains.Grains.csproj src/LeadGrains.Grains/
COPY src/LeadGrains.Storage/LeadGrains.Storage.csproj src/LeadGrains.Storage/
COPY src/LeadGrains.Host/LeadGrains.Host.csproj src/LeadGrains.Host/
RUN dotnet restore src/LeadGrains.Host/LeadGrains.Host.csproj
COPY src/ src/
RUN dotnet publish src/LeadGrains.Host/LeadGrains.Host.csproj -c Release --no-restore -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_gcServer=1
EXPOSE 8080 11111 30000
# The base image's unprivileged 'app' user (UID 1654); the Kubernetes manifests require the same UID.
USER $APP_UID
ENTRYPOINT ["dotnet", "LeadGrains.Host.dll"]
