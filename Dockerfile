# One image for the gateway and every subgraph; docker-compose.yml picks the command.
FROM node:20-slim
WORKDIR /app
COPY . .
RUN npm ci && npm cache clean --force
ENV NODE_ENV=production
EXPOSE 4000
# The server itself receives the stop signal (npm would not pass it on) and drains requests in flight.
CMD ["node", "-r", "@swc-node/register", "scripts/start.ts"]
