# syntax=docker/dockerfile:1
# Shop.Api: a stateless API node. In production SILO_MODE=external (a client of the Shop.Silo cluster).
#
#   docker build -f deploy/docker/api.Dockerfile -t shop-api .            (from the repository root)
#   docker run --env-file .env -p 5000:5000 shop-api
#
# Port: PORT (5000): the HTTP API, /api/health, /metrics, /dashboard, /scalar. The web client is
# served by the web image (nginx), not by this one.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project and lock files only, so a code change does not re-download packages;
# locked: exactly the versions of the committed packages.lock.json files.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Shop.Grains.Abstractions/Shop.Grains.Abstractions.csproj src/Shop.Grains.Abstractions/packages.lock.json src/Shop.Grains.Abstractions/
COPY src/Shop.Grains/Shop.Grains.csproj src/Shop.Grains/packages.lock.json src/Shop.Grains/
COPY src/Shop.Silo/Shop.Silo.csproj src/Shop.Silo/packages.lock.json src/Shop.Silo/
COPY src/Shop.Api/Shop.Api.csproj src/Shop.Api/packages.lock.json src/Shop.Api/
RUN dotnet restore --locked-mode src/Shop.Api/Shop.Api.csproj
COPY src/ src/
# The build context has no .git, so the commit that /api/health and shop_build_info report is
# passed in: docker-compose build --build-arg SOURCE_REVISION_ID=$(git rev-parse HEAD). Without it: "unknown".
ARG SOURCE_REVISION_ID=
RUN dotnet publish src/Shop.Api/Shop.Api.csproj -c Release --no-restore -o /app -p:UseAppHost=false -p:SourceRevisionId="$SOURCE_REVISION_ID"

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the health check and for `docker compose exec api curl ...` during an incident.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# Emails are written here when SMTP_HOST is unset (the app folder is read-only for the app user).
RUN mkdir -p /var/lib/shop/mail && chown -R "$APP_UID" /var/lib/shop
# PORT decides the listening port; the image's default ASPNETCORE_HTTP_PORTS=8080 would only be overridden with a warning.
ENV PORT=5000 \
    ASPNETCORE_HTTP_PORTS="" \
    MAIL_PICKUP_DIR=/var/lib/shop/mail
EXPOSE 5000
# The image's non-root user (uid 1654).
USER $APP_UID
# The process answers; /api/health (cluster + storage) is for load balancers and alerts, not for
# restarting containers during a database outage.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT:-5000}/api/health/live" > /dev/null || exit 1
ENTRYPOINT ["dotnet", "/app/Shop.Api.dll"]
