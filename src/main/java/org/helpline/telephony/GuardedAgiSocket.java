package org.helpline.telephony;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The FastAGI listening socket: hands Asterisk-Java only connections from our own Asterisk
 * (the allowed peers), each reading lines of bounded length. Anyone else who can reach the
 * port is closed on before anything they send is read.
 */
class GuardedAgiSocket implements ServerSocketFacade {

	private static final Logger log = LoggerFactory.getLogger(GuardedAgiSocket.class);

	private final ServerSocket socket;

	private final List<IpAddressMatcher> allowedPeers;

	private final int maxLineBytes;

	private final int requestTimeoutMillis;

	private volatile int readTimeoutMillis;

	GuardedAgiSocket(ServerSocket socket, List<String> allowedPeers, int maxLineBytes, int requestTimeoutMillis) {
		this.socket = socket;
		this.allowedPeers = allowedPeers.stream().map(IpAddressMatcher::new).toList();
		this.maxLineBytes = maxLineBytes;
		this.requestTimeoutMillis = requestTimeoutMillis;
	}

	@Override
	public SocketConnectionFacade accept() throws IOException {
		while (true) {
			Socket connection = socket.accept();
			InetAddress peer = connection.getInetAddress();
			if (allowed(peer)) {
				return new BoundedLineConnection(connection, maxLineBytes, requestTimeoutMillis, readTimeoutMillis);
			}
			log.warn("FastAGI connection from {} refused: not an allowed peer (helpline.agi.allowed-peers)",
					peer.getHostAddress());
			connection.close();
		}
	}

	private boolean allowed(InetAddress peer) {
		String address = peer.getHostAddress();
		return allowedPeers.stream().anyMatch(range -> range.matches(address));
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

	@Override
	public void setSocketReadTimeout(int timeoutMillis) {
		this.readTimeoutMillis = timeoutMillis;
	}

}
