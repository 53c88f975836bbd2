import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/environment';
import { secureCookies } from './cookies';

export const DEVICE_COOKIE = 'yoriai_device';
/** As long as a browser keeps a cookie (Chrome caps cookie lifetimes at 400 days). */
const DEVICE_MAX_AGE_MS = 400 * 24 * 3600 * 1000;

export interface Device {
  id: string;
  /** The device has joined a meeting with a right code before (it may then pass a per-address lock). */
  trusted: boolean;
}

/**
 * The signed, httpOnly `yoriai_device` cookie that binds a guest to the browser that joined
 * (finding 1): a later join from the same device returns the same guest — and so the same one vote —
 * and wrong join codes are counted per device before they are counted per address (finding 6).
 * Value: `<uuid>.<t|n>.<hmac>`, the HMAC keyed by the deployment's secret, so a client cannot mint
 * a device id or a trusted flag. A client that drops cookies is simply a new device each time.
 */
@Injectable()
export class DeviceService {
  private key?: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get secret(): Buffer {
    if (!this.config.jwtSecret) throw new Error('JWT secret not configured');
    this.key ??= createHmac('sha256', this.config.jwtSecret).update('yoriai-device-cookie/1').digest();
    return this.key;
  }

  private sign(id: string, trusted: boolean): string {
    const body = `${id}.${trusted ? 't' : 'n'}`;
    return `${body}.${createHmac('sha256', this.secret).update(body).digest('base64url')}`;
  }

  /** The request's device, if it presents a valid cookie. */
  read(req: Request): Device | null {
    const raw = (req as Request & { cookies?: Record<string, string> }).cookies?.[DEVICE_COOKIE];
    if (typeof raw !== 'string' || raw.length > 200) return null;
    const [id, flag, mac] = raw.split('.');
    if (!id || !mac || (flag !== 't' && flag !== 'n') || !/^[0-9a-f-]{36}$/.test(id)) return null;
    const expected = Buffer.from(this.sign(id, flag === 't').split('.')[2] as string);
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return { id, trusted: flag === 't' };
  }

  /** The request's device, or a new one; the cookie is (re)sent either way so it stays fresh. */
  ensure(req: Request, res: Response): Device {
    const device = this.read(req) ?? { id: randomUUID(), trusted: false };
    this.write(req, res, device);
    return device;
  }

  /** Marks the device as one that joined with a right code. */
  trust(req: Request, res: Response, device: Device): Device {
    const trusted = { id: device.id, trusted: true };
    this.write(req, res, trusted);
    return trusted;
  }

  private write(req: Request, res: Response, device: Device): void {
    res.cookie(DEVICE_COOKIE, this.sign(device.id, device.trusted), {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(req, this.config),
      path: '/',
      maxAge: DEVICE_MAX_AGE_MS,
    });
  }
}
