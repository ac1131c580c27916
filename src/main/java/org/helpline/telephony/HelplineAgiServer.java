package org.helpline.telephony;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

/**
 * Asterisk-Java's FastAGI server with four changes: the port is bound before the accept loop
 * starts (so a taken port fails the application's start-up instead of a background thread),
 * only our own Asterisk's connections are served, with lines of bounded length
 * ({@link GuardedAgiSocket}), and each call runs on a virtual thread, so calls that wait a long
 * time cost no platform thread; and no {@code AJ_AGISTATUS} round trip after a script
 * ({@link NoStatusAgiChannel}). The pool caps the connections held at once: the calls
 * ({@code max-concurrent-calls}, counted by {@link TimedAgiScript} once a request is read) and
 * those still to send their request ({@code max-waiting-connections}).
 */
class HelplineAgiServer extends DefaultAgiServer {

	private static final int BACKLOG = 200;

	private final ServerSocketFacade socket;

	private final int maxConnections;

	HelplineAgiServer(MappingStrategy scripts, InetAddress address, int port, AgiProperties properties)
			throws IOException {
		super(null, scripts, NoStatusAgiChannel.FACTORY);
		this.maxConnections = properties.maxConcurrentCalls() + properties.maxWaitingConnections();
		setAddress(address);
		setPort(port);
		this.socket = new GuardedAgiSocket(new ServerSocket(port, BACKLOG, address), properties.allowedPeers(),
				properties.maxLineBytes(), (int) properties.requestTimeout().toMillis());
		this.socket.setSocketReadTimeout((int) properties.socketReadTimeout().toMillis());
	}

	@Override
	protected ServerSocketFacade createServerSocket() {
		return socket;
	}

	@Override
	protected ThreadPoolExecutor createPool() {
		return new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				Thread.ofVirtual().name("agi-call-", 0).factory());
	}

	/** Closes the listening socket even when the accept loop never ran. */
	void close() {
		shutdown();
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed by shutdown()
		}
	}

}
