# One image for the gateway and every subgraph; docker-compose.yml picks the command.
FROM node:20-slim
WORKDIR /app
COPY . .
RUN npm ci && npm cache clean --force
ENV NODE_ENV=production
EXPOSE 4000
CMD ["npm", "start"]
