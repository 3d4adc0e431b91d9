// The stock reference: @y/websocket-server 0.1.1 as its own bin runs it (one doc per room name, no
// auth, no persistence), but on an ephemeral 127.0.0.1 port that it prints, like Tischrunde does.
import http from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'

const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' })
  res.end('okay')
})
wss.on('connection', setupWSConnection)
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)))
server.listen(0, '127.0.0.1', () => console.log(`reference listening: http://127.0.0.1:${server.address().port}`))
process.on('SIGTERM', () => process.exit(0))
