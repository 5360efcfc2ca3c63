# syntax=docker/dockerfile:1
# The React web client, built with Vite and served by nginx with deploy/nginx.conf, which also
# proxies /api/ (and /dashboard) to the `api` service.
#
#   docker build -f deploy/docker/web.Dockerfile -t shop-web .            (from the repository root)

FROM node:20 AS build
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM nginx:stable AS runtime
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /web/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD curl -fsS http://127.0.0.1/ > /dev/null || exit 1
