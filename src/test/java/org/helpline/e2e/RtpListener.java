package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the caller's ear: receives the RTP that Asterisk sends to the caller and
 * counts the packets that carry sound (G.711 µ-law above a quiet threshold), so a test can
 * tell a message from dead air.
 */
final class RtpListener implements AutoCloseable {

	private static final int RTP_HEADER = 12;

	/** Packets are 20 ms of audio at Asterisk's default framing. */
	private static final double SECONDS_PER_PACKET = 0.020;

	private static final double QUIET_RMS = 200;

	private final DatagramSocket socket;

	private final AtomicInteger packets = new AtomicInteger();

	private final AtomicInteger voiced = new AtomicInteger();

	private final Thread receiver;

	private final long openedAt = System.nanoTime();

	/** Written by the receiver only; read after it stopped or as a snapshot. */
	private volatile long firstPacketAt;

	private volatile long lastVoicedAt;

	private volatile long lastPacketAt;

	private volatile long longestSilence;

	RtpListener(int port) {
		try {
			socket = new DatagramSocket(port, InetAddress.getLoopbackAddress());
		}
		catch (SocketException ex) {
			throw new UncheckedIOException(ex);
		}
		receiver = Thread.ofPlatform().daemon().name("rtp-" + port).start(this::receive);
	}

	/** Seconds of sound (not silence) received so far. */
	double voicedSeconds() {
		return voiced.get() * SECONDS_PER_PACKET;
	}

	int packets() {
		return packets.get();
	}

	/**
	 * The longest stretch without sound between the first packet (the call was answered) and
	 * the last one: what a caller would call silence. Zero before any packet arrived.
	 */
	Duration longestSilence() {
		long trailing = lastPacketAt == 0 ? 0 : lastPacketAt - (lastVoicedAt != 0 ? lastVoicedAt : firstPacketAt);
		return Duration.ofNanos(Math.max(longestSilence, trailing));
	}

	/** The longest stretch without sound between two sounds (not counting the silence after the last). */
	Duration longestSilenceBetweenSounds() {
		return Duration.ofNanos(longestSilence);
	}

	/**
	 * From this listener's start to the last sound heard: for a caller connected to a (silent)
	 * test phone, when they were connected.
	 */
	Optional<Duration> lastSoundAfter() {
		return lastVoicedAt == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(lastVoicedAt - openedAt));
	}

	/** From this listener's start (just before the call was placed) to the first packet. */
	Optional<Duration> firstPacketAfter() {
		return firstPacketAt == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(firstPacketAt - openedAt));
	}

	private void receive() {
		byte[] buffer = new byte[2048];
		while (!socket.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(packet);
			}
			catch (IOException closed) {
				return;
			}
			long now = System.nanoTime();
			packets.incrementAndGet();
			if (firstPacketAt == 0) {
				firstPacketAt = now;
			}
			lastPacketAt = now;
			if (rms(buffer, packet.getLength()) > QUIET_RMS) {
				voiced.incrementAndGet();
				longestSilence = Math.max(longestSilence, now - (lastVoicedAt != 0 ? lastVoicedAt : firstPacketAt));
				lastVoicedAt = now;
			}
		}
	}

	private static double rms(byte[] packet, int length) {
		if (length <= RTP_HEADER) {
			return 0;
		}
		double sum = 0;
		for (int i = RTP_HEADER; i < length; i++) {
			int sample = ulawToLinear(packet[i]);
			sum += (double) sample * sample;
		}
		return Math.sqrt(sum / (length - RTP_HEADER));
	}

	/** G.711 µ-law decoding (ITU-T G.711). */
	private static int ulawToLinear(byte encoded) {
		int u = ~encoded & 0xFF;
		int sign = u & 0x80;
		int exponent = (u >> 4) & 0x07;
		int mantissa = u & 0x0F;
		int magnitude = ((mantissa << 3) + 0x84) << exponent;
		magnitude -= 0x84;
		return sign != 0 ? -magnitude : magnitude;
	}

	@Override
	public void close() {
		socket.close();
		try {
			receiver.join(2_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
