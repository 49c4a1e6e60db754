#!/usr/bin/env python3
"""Simulates the model structure of PricePath (regime log-variance AR(1) per minute, Student-t seconds,
jumps) in numpy to choose the regime dispersion and jump figures that reproduce the hourly and one-minute
excess kurtosis measured by calibrate.py. Run: python3 tools/calibration/model_check.py"""
import numpy as np, math
rng=np.random.default_rng(2)
days=120; n=days*86400
def k(x): x=x-x.mean(); return (x**4).mean()/(x**2).mean()**2-3
for tau,phih,nu,lam_day,sj in [(1.0,0.9,4,4,0.003),(1.1,0.9,4,6,0.0025),(1.2,0.9,4,4,0.003)]:
    phim=phih**(1/60); nm=n//60
    eta=rng.standard_normal(nm)*tau*math.sqrt(1-phim**2)
    v=np.zeros(nm)
    for i in range(1,nm): v[i]=phim*v[i-1]+eta[i]
    v=v-tau**2/2
    lam=lam_day/86400
    jump_var_h=lam*3600*sj*sj
    diff_var_h=0.0060**2-jump_var_h
    var_s=(diff_var_h/3600)*np.repeat(np.exp(v),60)
    z=rng.standard_t(nu,n)*math.sqrt((nu-2)/nu)
    r=np.sqrt(var_s)*z
    J=rng.random(n)<lam
    r[J]+=rng.standard_normal(J.sum())*sj*np.sqrt(np.repeat(np.exp(v),60)[J])
    h=r.reshape(-1,3600).sum(1); m=r.reshape(-1,60).sum(1)
    print(tau,phih,nu,lam_day,sj,"jumpshare",jump_var_h/0.006**2,"1h sd %.5f k %.2f  1m sd %.6f k %.2f"%(h.std(),k(h),m.std(),k(m)))
